# `make start` and `make test` install first, then do what `npm start` and `npm test` do: a fresh clone needs nothing else.
.PHONY: install build start test lint dist bench bench-logs bench-start compare-goaccess

install:
	npm install

build: install
	npm run build

start: install
	npm start

test: install
	npm test

lint: install
	npm run lint

# dist/forte-<version>.tar.gz: the self-contained release and CodeDeploy revision (README, "Build, S3, CodeDeploy").
dist: install
	scripts/make-dist.sh

bench: build
	node dist/bench/api/run.js

bench-logs: build
	node dist/bench/logs-vs-goaccess.js

bench-start: build
	node dist/bench/start-time.js

compare-goaccess: build
	node dist/bench/compare-goaccess.js $(LOG)
