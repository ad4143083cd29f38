# hpc.weka_slurm: build, test and demo. `make help` lists the targets.
SHELL := /bin/bash
.DEFAULT_GOAL := help

VERSION     := $(shell sed -n 's/^version: *//p' galaxy.yml)
RID         ?= linux-x64
BUILD       := build
MODULES     := $(notdir $(patsubst %/,%,$(wildcard src/Modules/*/)))
MODULE_DIR  := collection/plugins/modules
BINARIES    := $(addprefix $(MODULE_DIR)/,$(MODULES))
LIB_SOURCES := $(shell find src -path src/Modules -prune -o \( -name '*.cs' -o -name '*.csproj' -o -name '*.props' \) -print 2>/dev/null) \
               Directory.Build.props src/Modules/Directory.Build.props
TARBALL     := $(BUILD)/hpc-weka_slurm-$(VERSION).tar.gz
# Modules link against an old-glibc sysroot so they run on glibc 2.17+ (tools/build/glibc/PortableGlibc.targets).
ARCH        := $(if $(filter %-arm64,$(RID)),aarch64,x86_64)
SYSROOT     := $(BUILD)/sysroot/$(ARCH)/.stamp
PORTABLE    := $(SYSROOT) $(wildcard tools/build/glibc/*)
# Where `make collection` installs the tarball, the way a user gets it from Galaxy.
COLLECTIONS := $(abspath $(BUILD)/collections)
export DOTNET_CLI_TELEMETRY_OPTOUT := 1
export DOTNET_NOLOGO := 1

.PHONY: help deps modules collection test demo demo-clean clean

help:
	@echo "make demo        build everything and run the example against a local container cluster"
	@echo "make demo-clean  remove the demo's container cluster"
	@echo "make test        install what is missing, build, run every test"
	@echo "make collection  build the module binaries and the Galaxy tarball ($(TARBALL))"
	@echo "make clean       remove build outputs"

deps:
	@tools/deps.sh

# One MSBuild run publishes every stale module; each binary depends on its own sources and the libraries.
.SECONDEXPANSION:
$(BINARIES): $(MODULE_DIR)/%: $$(shell find src/Modules/% -name '*.cs' -o -name '*.csproj') $(LIB_SOURCES) $(PORTABLE)
	@echo "$*" >> $(BUILD)/.stale-modules

# Built when missing; sysroot.sh rebuilds it only when its own hash changed (it is a no-op otherwise).
$(SYSROOT): tools/build/sysroot.sh
	@tools/build/sysroot.sh $(ARCH)

modules: | $(BUILD)
	@rm -f $(BUILD)/.stale-modules
	@$(MAKE) --no-print-directory $(BINARIES)
	@if [ -s $(BUILD)/.stale-modules ]; then \
	  stale=$$(sort -u $(BUILD)/.stale-modules | paste -sd';'); \
	  echo "publishing (NativeAOT, $(RID)): $$stale"; \
	  dotnet msbuild tools/build/PublishModules.proj -nologo -v:q -p:Modules=\"$$stale\" -p:Rid=$(RID) -p:PublishTo=$(abspath $(BUILD)/publish/$(RID)) \
	    -p:PortableGlibc=true \
	    && for m in $${stale//;/ }; do install -m 0755 $(BUILD)/publish/$(RID)/$$m $(MODULE_DIR)/$$m; done; \
	fi
	@rm -f $(BUILD)/.stale-modules
	@$(if $(BINARIES),tools/build/check-glibc.sh $(BINARIES))

$(BUILD):
	@mkdir -p $@

collection: modules
	@tools/build/collection.sh "$(BUILD)" "$(COLLECTIONS)"

test: deps collection
	@tools/run-tests.sh

demo: deps collection
	@dotnet run --project tools/demo -c Release

demo-clean:
	@dotnet run --project tools/demo -c Release -- clean

clean:
	rm -rf $(BUILD) $(BINARIES)
	find src tests -type d \( -name bin -o -name obj \) -prune -exec rm -rf {} +
