# `make start` and `make test` install first, then do what `npm start` and `npm test` do: a fresh clone needs nothing else.
.PHONY: install build start dev test lint dist bench bench-profile bench-logs bench-follow bench-start compare-goaccess bench-reconcile

install:
	npm install

build: install
	npm run build

start: install
	npm start

# Forte on the embedded SQLite (port DEV_PORT) and a local Xsolla, the tests' emulator (port XSOLLA_PORT), wired
# to each other both ways.
DEV_PORT ?= 3000
XSOLLA_PORT ?= 3400
dev: build
	node dist/test/support/xsolla-emulator-main.js $(XSOLLA_PORT) http://localhost:$(DEV_PORT)/api/v2/xsolla & \
	emulator=$$!; trap 'kill $$emulator' EXIT INT TERM; \
	PORT=$(DEV_PORT) XSOLLA_API_URL=http://127.0.0.1:$(XSOLLA_PORT) XSOLLA_MERCHANT_ID=2340 XSOLLA_PROJECT_ID=18404 \
	XSOLLA_API_KEY=emulator-api-key XSOLLA_PROJECT_SECRET=emulator-project-secret XSOLLA_SANDBOX=true \
	node dist/src/cli/main.js serve

test: install
	npm test

lint: install
	npm run lint

# dist/forte-<version>.tar.gz: the self-contained release and CodeDeploy revision (README, "Build, S3, CodeDeploy").
dist: install
	scripts/make-dist.sh

bench: build
	node dist/bench/api/run.js

# Where a request's time goes: SQL statements per request, then a CPU profile under load (KIND=read|purchase|webhook).
KIND ?= read
bench-profile: build
	node dist/bench/api/profile.js $(KIND)

bench-logs: build
	node dist/bench/logs-vs-goaccess.js

bench-follow: build
	node dist/bench/follow-memory.js

bench-start: build
	node dist/bench/start-time.js

compare-goaccess: build
	node dist/bench/compare-goaccess.js $(LOG)

# A local 3-node MariaDB Galera cluster (scripts/galera-cluster.sh; README, "Scaling"), and Forte's cluster suite on
# it (jest.cluster.config.js: not part of npm test). The suite brings the cluster up itself when it is not.
.PHONY: cluster-up cluster-down test-cluster bench-scaling
cluster-up:
	scripts/galera-cluster.sh up

cluster-down:
	scripts/galera-cluster.sh down

test-cluster: build
	npx jest --config jest.cluster.config.js

# One process, several, and one per Galera node, under the same loads (README, "Scaling").
bench-scaling: build
	node dist/bench/scaling.js

# forte-cli reconcile: 1,000,000 Xsolla transactions (a generated export) against 1,000,000 receipts on MariaDB.
bench-reconcile: build
	node dist/bench/reconcile/run.js

# The load and fault suite (test/faults, jest.faults.config.js: not part of npm test; README, "Reliability"): two
# processes under 200 clients, one killed with kill -9 mid-load, and a private MariaDB stopped and started mid-load.
.PHONY: test-faults
test-faults: build
	npx jest --config jest.faults.config.js
