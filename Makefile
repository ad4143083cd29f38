# hpc.weka_slurm: build, test and demo. `make help` lists the targets.
SHELL := /bin/bash
.DEFAULT_GOAL := help

VERSION     := $(shell sed -n 's/^version: *//p' galaxy.yml)
BUILD       := build
MODULES     := $(notdir $(patsubst %/,%,$(wildcard src/Modules/*/)))
MODULE_DIR  := collection/plugins/modules
# One multi-call binary per architecture serves every module (src/ModuleHost), cross-compiled here for
# each of ARCHS (uname -m names; `make collection ARCHS=x86_64` builds one). plugins/modules/NAME links to
# the first; the action plugin sends each host the build for its own architecture.
ARCHS       ?= x86_64 aarch64
RID_x86_64  := linux-x64
RID_aarch64 := linux-arm64
HOST_BINS   := $(foreach a,$(ARCHS),collection/bin/$(a)/hpc_weka_slurm)
MODULE_LINKS := $(addprefix $(MODULE_DIR)/,$(MODULES))
# Not bin/ and obj/: a publish for one architecture writes there, which must not make the other one stale.
SOURCES     := $(shell find src \( -name bin -o -name obj \) -prune -o \( -name '*.cs' -o -name '*.csproj' -o -name '*.props' \) -print 2>/dev/null) Directory.Build.props
TARBALL     := $(BUILD)/hpc-weka_slurm-$(VERSION).tar.gz
# Modules link against an old-glibc sysroot per architecture so they run on glibc 2.17+ (tools/build/glibc/PortableGlibc.targets).
SYSROOTS    := $(foreach a,$(ARCHS),$(BUILD)/sysroot/$(a)/.stamp)
GLIBC_SHIMS := $(wildcard tools/build/glibc/*)
# Where `make collection` installs the tarball, the way a user gets it from Galaxy.
COLLECTIONS := $(abspath $(BUILD)/collections)
export DOTNET_CLI_TELEMETRY_OPTOUT := 1
export DOTNET_NOLOGO := 1

.PHONY: help deps modules collection test test-matrix demo demo-clean bench clean

help:
	@echo "make demo        build everything and run the example against a local container cluster"
	@echo "make demo-clean  remove the demo's container cluster"
	@echo "make test        install what is missing, build, run every test"
	@echo "make test-matrix the dedicated scenario on Slurm 22.05 and 24.11 nodes with ansible-core 2.14 and 2.19 (docs/compatibility.md)"
	@echo "make collection  build the module binaries and the Galaxy tarball ($(TARBALL))"
	@echo "make bench       measure binaries, per-task cost and a cluster converge against builtin modules (bench/results.md, BENCH_ITERATIONS=1 for a smoke run)"
	@echo "make clean       remove build outputs"

deps:
	@tools/deps.sh

# One rule per architecture (its own sysroot and publish directory): a source change rebuilds each,
# a new sysroot only its own. Cross-compiled with clang/lld and the target's ILCompiler package (NuGet).
$(HOST_BINS): collection/bin/%/hpc_weka_slurm: $(SOURCES) $(BUILD)/sysroot/%/.stamp $(GLIBC_SHIMS) | deps
	@echo "publishing the modules (NativeAOT, $(RID_$*)): $(MODULES)"
	@dotnet publish src/ModuleHost -nologo -v:q -c Release -r $(RID_$*) -p:PortableGlibc=true -o $(BUILD)/publish/$(RID_$*)
	@install -D -m 0755 $(BUILD)/publish/$(RID_$*)/hpc_weka_slurm $@
	@tools/build/check-glibc.sh $@

# Built when missing; sysroot.sh rebuilds it only when its own hash changed (it is a no-op otherwise).
$(SYSROOTS): $(BUILD)/sysroot/%/.stamp: tools/build/sysroot.sh | deps
	@tools/build/sysroot.sh $*

# Each module is a link to the binary, which picks the module by the name it is run as.
modules: $(HOST_BINS)
	@for m in $(MODULES); do ln -sfn ../../bin/$(firstword $(ARCHS))/hpc_weka_slurm $(MODULE_DIR)/$$m; done

$(BUILD):
	@mkdir -p $@

collection: modules
	@tools/build/collection.sh "$(BUILD)" "$(COLLECTIONS)"

test: deps collection
	@tools/run-tests.sh

# Not part of `make test` (which runs the newest pair only, 2.19 on trixie): four scenario runs of minutes
# each. Slurm 22.05 (bookworm) and 24.11 (trixie) nodes, with this machine's ansible-core 2.14 and with
# 2.19 in the Debian 13 controller container.
test-matrix: deps collection
	@tools/containers/prepare.sh bookworm trixie && tools/containers/build-controller.sh trixie
	@status=0; for controller in host 2.19; do \
	  echo "== controller $$controller"; \
	  HPC_TEST_MATRIX=1 HPC_TEST_CONTROLLER=$$controller HPC_WEKA_SLURM_COLLECTIONS=$(COLLECTIONS) TESTCONTAINERS_RYUK_DISABLED=true \
	    dotnet test tests/Integration.Tests --nologo -v:q --filter Category=Matrix --logger "console;verbosity=normal" || status=1; \
	done; exit $$status

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
