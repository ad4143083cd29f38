# results.png from the data files `make bench` writes to bench/work (see Bench/Chart.cs).
# gnuplot -e "datadir='bench/work'; output='bench/results.png'; stamp='...'; size_goal=2.5; start_goal=10; parts='123'" bench/chart.gp
# A part this run did not measure (parts lacks its digit) gets an empty frame saying so.
set terminal pngcairo size 1600,1500 font "DejaVu Sans,10" noenhanced
set output output
# The first line of every data file names its columns.
set key autotitle columnhead
set multiplot layout 3,2 title sprintf("hpc.weka_slurm benchmark, %s (medians)", stamp) font ",13"

set style data histograms
set style fill solid 0.8 border -1
set boxwidth 0.8
set grid ytics
set key top left
set xtics rotate by -35 left nomirror
set yrange [0:*]

empty(title) = sprintf("set title '%s'; set label 1 'not measured in this run' at graph 0.5,0.5 center; plot [0:1][0:1] NaN notitle; unset label 1", title)

if (strstrt(parts, "1") == 0) { eval empty("1. Module binaries"); eval empty("1. Cold start") } else {
set title "1. Module binary size, stripped (MiB)"
plot datadir."/binaries.dat" using 2:xtic(1) title "size" linecolor rgb "#4477aa", \
     size_goal with lines dashtype 2 linecolor rgb "#cc3311" linewidth 2 title "goal"

set title "1. Cold start to exit (ms)"
plot datadir."/binaries.dat" using 3:xtic(1) title "cold start" linecolor rgb "#4477aa", \
     start_goal with lines dashtype 2 linecolor rgb "#cc3311" linewidth 2 title "goal"
}

set style histogram clustered gap 1
if (strstrt(parts, "2") == 0) { eval empty("2. Per task, connection local"); eval empty("2. Per task, community.docker.docker") } else {
# Log scale: apt's seconds beside the modules' tens of milliseconds.
set logscale y
set yrange [10:*]
do for [t in "local docker"] {
  set title sprintf("2. Per task (ms, log scale), connection %s", t eq "local" ? "local" : "community.docker.docker")
  plot datadir."/tasks-".t.".dat" using 2:xtic(1) title "hpc (fast path)" linecolor rgb "#228833", \
       "" using 3 title "hpc, stock path" linecolor rgb "#ccbb44", \
       "" using 4 title "builtin module" linecolor rgb "#cc3311", \
       "" using 5 title "raw (floor)" linecolor rgb "#888888"
}
unset logscale y
set yrange [0:*]
}

if (strstrt(parts, "3") == 0) { eval empty("3. Whole cluster") } else {
set title "3. Whole cluster, dedicated scenario (s)"
set xtics norotate
plot datadir."/cluster.dat" using 2:xtic(1) title "example playbook (hpc.weka_slurm)" linecolor rgb "#228833", \
     "" using 3 title "builtin-only playbook" linecolor rgb "#cc3311"
}

unset multiplot
