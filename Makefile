# hpc.weka_slurm: build, test and demo. `make help` lists the targets.
SHELL := /bin/bash
.DEFAULT_GOAL := help

VERSION     := $(shell sed -n 's/^version: *//p' galaxy.yml)
RID         ?= linux-x64
BUILD       := build
MODULES     := $(notdir $(patsubst %/,%,$(wildcard src/Modules/*/)))
MODULE_DIR  := collection/plugins/modules
# One multi-call binary per architecture serves every module (src/ModuleHost); plugins/modules/NAME
# links to the x86_64 one, which Ansible's stock path runs, and the fast path picks per host.
MODULE_LINKS := $(addprefix $(MODULE_DIR)/,$(MODULES))
SOURCES     := $(shell find src -name '*.cs' -o -name '*.csproj' -o -name '*.props' 2>/dev/null) Directory.Build.props
TARBALL     := $(BUILD)/hpc-weka_slurm-$(VERSION).tar.gz
# Modules link against an old-glibc sysroot so they run on glibc 2.17+ (tools/build/glibc/PortableGlibc.targets).
ARCH        := $(if $(filter %-arm64,$(RID)),aarch64,x86_64)
SYSROOT     := $(BUILD)/sysroot/$(ARCH)/.stamp
HOST_BIN    := collection/bin/$(ARCH)/hpc_weka_slurm
PORTABLE    := $(SYSROOT) $(wildcard tools/build/glibc/*)
# Where `make collection` installs the tarball, the way a user gets it from Galaxy.
COLLECTIONS := $(abspath $(BUILD)/collections)
export DOTNET_CLI_TELEMETRY_OPTOUT := 1
export DOTNET_NOLOGO := 1

.PHONY: help deps modules collection test demo demo-clean bench clean

help:
	@echo "make demo        build everything and run the example against a local container cluster"
	@echo "make demo-clean  remove the demo's container cluster"
	@echo "make test        install what is missing, build, run every test"
	@echo "make collection  build the module binaries and the Galaxy tarball ($(TARBALL))"
	@echo "make bench       measure binaries, per-task cost and a cluster converge against builtin modules (bench/results.md, BENCH_ITERATIONS=1 for a smoke run)"
	@echo "make clean       remove build outputs"

deps:
	@tools/deps.sh

$(HOST_BIN): $(SOURCES) $(PORTABLE)
	@echo "publishing the modules (NativeAOT, $(RID)): $(MODULES)"
	@dotnet publish src/ModuleHost -nologo -v:q -c Release -r $(RID) -p:PortableGlibc=true -o $(BUILD)/publish/$(RID)
	@install -D -m 0755 $(BUILD)/publish/$(RID)/hpc_weka_slurm $@
	@tools/build/check-glibc.sh $@

# Built when missing; sysroot.sh rebuilds it only when its own hash changed (it is a no-op otherwise).
$(SYSROOT): tools/build/sysroot.sh
	@tools/build/sysroot.sh $(ARCH)

# Each module is a link to the binary, which picks the module by the name it is run as.
modules: $(HOST_BIN)
	@for m in $(MODULES); do ln -sfn ../../bin/x86_64/hpc_weka_slurm $(MODULE_DIR)/$$m; done

$(BUILD):
	@mkdir -p $@

collection: modules
	@tools/build/collection.sh "$(BUILD)" "$(COLLECTIONS)"

test: deps collection
	@tools/run-tests.sh

demo: deps collection
	@dotnet run --project tools/demo -c Release

# Not part of `make test`: minutes of timed runs. hyperfine and gnuplot come from Debian when missing.
bench: deps collection
	@command -v hyperfine >/dev/null && command -v gnuplot >/dev/null || \
	  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq hyperfine gnuplot-nox >/dev/null; }
	@dotnet run --project bench/Bench -c Release

demo-clean:
	@dotnet run --project tools/demo -c Release -- clean

clean:
	rm -rf $(BUILD) collection/bin $(MODULE_LINKS)
	find src tests -type d \( -name bin -o -name obj \) -prune -exec rm -rf {} +
