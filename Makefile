# Ansvarskollen: one command to test everything, one to build and serve the widget.
# Every target installs what it needs on a fresh machine (see README.md).

CARGO ?= cargo
SCENARIOS := $(wildcard tests/scenarios/*.toml)

.PHONY: test test-native check scenarios

## Run every test.
test: test-native

## The native suite: unit, integration, property and snapshot tests, then the CLI's own check and
## scenario run, exactly as a rule maintainer runs them.
test-native:
	$(CARGO) test --locked
	$(CARGO) run --locked --quiet -- check rules
	$(CARGO) run --locked --quiet -- test $(SCENARIOS)

check:
	$(CARGO) run --locked --quiet -- check rules

scenarios:
	$(CARGO) run --locked --quiet -- test $(SCENARIOS)
