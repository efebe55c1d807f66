# Everyday commands; each calls the npm script or compose command named in docs/CONTRACT.md.
# `make help` lists them.

COMPOSE ?= docker compose

.DEFAULT_GOAL := help
.PHONY: help install dev test lint typecheck build up down logs seed bench validate

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F ':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

install: ## Install dependencies from package-lock.json (npm ci)
	npm ci

dev: ## CMS (:8000) and storefront (:3000) in development mode; Ctrl-C stops both
	@trap 'kill 0' INT TERM; npm run dev -w storefront & npm run dev; wait

test: ## Unit, integration and end-to-end tests (npm test)
	npm test

lint: ## ESLint and Prettier (npm run lint)
	npm run lint

typecheck: ## TypeScript, no emit (npm run typecheck)
	npm run typecheck

build: ## Production builds of the CMS and the storefront
	npm run build
	npm run build -w storefront

up: ## Build the images and start the whole stack with docker compose (docs/docker.md)
	$(COMPOSE) up --build --detach

down: ## Stop the compose stack (volumes are kept; `docker compose down -v` deletes them)
	$(COMPOSE) down

logs: ## Follow the logs of the compose stack
	$(COMPOSE) logs --follow

seed: ## Demo catalogue into the configured database (N products: make seed ARGS="--products N")
	npm run seed -- $(ARGS)

bench: ## Load benchmarks in bench/ (npm run bench)
	npm run bench

validate: ## Check Dockerfile, compose, workflows and ops/ with their own parsers
	bash ops/validate.sh
