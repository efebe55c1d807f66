# syntax=docker/dockerfile:1.7
#
# Ipswich Retail: one Dockerfile, two runtime images.
#
#   docker buildx build --target cms        -t ipswich-retail/cms .
#   docker buildx build --target storefront -t ipswich-retail/storefront .
#
# The cms image also runs the worker (src/jobs/worker.ts), the scheduler (src/jobs/scheduler.ts) and
# the one-shot migrations (scripts/migrate.ts); only the command changes (see docker-compose.yml).
# Hosts that cannot pick a build stage (Railway) build the last stage, `app`, and choose the image
# with the APP_TARGET build argument (cms or storefront).
#
# Linters: ops/validate.sh runs dockerfile-utils (clean) and dockerfilelint on this file. Every
# dockerfilelint finding that remains is a false positive of that (unmaintained) linter, explained
# by a `# dockerfilelint: <finding title>: <why>` line right above it; validate.sh fails on any
# finding without such a line.

ARG APP_TARGET=cms

# Node 24 is the Active LTS line; the minor is pinned and Dependabot (docker ecosystem) bumps it.
# The code also runs on Node 20, which CI keeps in its matrix.
FROM node:24.11-bookworm-slim AS base
ENV NEXT_TELEMETRY_DISABLED=1 \
    npm_config_update_notifier=false \
    npm_config_fund=false \
    npm_config_audit=false
WORKDIR /app

# ---- deps: every dependency (dev included), for the build ------------------------------------
# dockerfilelint: Base Image Missing Tag: `base` is a stage of this file, not an image.
FROM base AS deps
COPY package.json package-lock.json ./
COPY storefront/package.json ./storefront/
RUN --mount=type=cache,target=/root/.npm npm ci

# ---- prod-deps: production dependencies only, for the cms runtime ----------------------------
# dockerfilelint: Base Image Missing Tag: `base` is a stage of this file, not an image.
FROM base AS prod-deps
COPY package.json package-lock.json ./
COPY storefront/package.json ./storefront/
RUN --mount=type=cache,target=/root/.npm npm ci --omit=dev

# ---- build: the CMS Next build and the storefront's standalone build --------------------------
# dockerfilelint: Base Image Missing Tag: `deps` is a stage of this file, not an image.
FROM deps AS build
COPY . .
# payload.config.ts reads the environment at import time: DATA_DIR points the embedded database
# and the generated development secret at a throw-away folder, so neither lands in an image.
# storefront/next.config.mjs sets `output: 'standalone'` with the workspace root as tracing root.
RUN --mount=type=cache,target=/app/.next/cache \
    --mount=type=cache,target=/app/storefront/.next/cache \
    mkdir -p storefront/public \
    && DATA_DIR=/tmp/build-data npm run build \
    && npm run build -w storefront \
    && rm -rf /tmp/build-data

# ---- cms: custom Node server (tsx src/server/main.ts) around Next's handler --------------------
# Not Next's standalone output: the custom server, the worker, the scheduler and the migrations
# run TypeScript sources through tsx, so the image carries the sources, the built .next and the
# production node_modules.
# dockerfilelint: Base Image Missing Tag: `base` is a stage of this file, not an image.
FROM base AS cms
ENV NODE_ENV=production \
    NODE_OPTIONS=--no-deprecation \
    CMS_PORT=8000 \
    DATA_DIR=/app/data \
    MEDIA_DIR=/app/media
COPY --from=prod-deps /app/node_modules ./node_modules
COPY . .
COPY --from=build --chown=node:node /app/.next ./.next
RUN mkdir -p /app/data /app/media /app/.next/cache \
    && chown node:node /app/data /app/media /app/.next/cache
USER node
EXPOSE 8000
# No curl in slim images: Node's fetch asks the liveness endpoint.
# dockerfilelint: Invalid Argument Format: its option parser splits --start-period at the dash; the
# flag is valid Docker syntax (dockerfile-utils accepts it).
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
    CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.CMS_PORT || 8000) + '/api/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# One process, no npm in between: `npm run` exits at once on SIGTERM and leaves the server to be
# killed, whereas node itself receives the signal and drains (readiness 503, requests and jobs in
# hand finish, pools close). tsx is loaded as an import hook; --conditions=production selects
# Lexical's production entry (its development entry's top-level await can hang under tsx).
CMD ["node", "--conditions=production", "--import", "tsx", "src/server/main.ts"]

# ---- storefront: Next standalone server ----------------------------------------------------------
# With the workspace root as the tracing root, Next writes the server to
# .next/standalone/storefront/server.js and the traced node_modules beside it.
# dockerfilelint: Base Image Missing Tag: `base` is a stage of this file, not an image.
FROM base AS storefront
ENV NODE_ENV=production \
    PORT=3000 \
    STOREFRONT_PORT=3000 \
    HOSTNAME=0.0.0.0
COPY --from=build --chown=node:node /app/storefront/.next/standalone ./
COPY --from=build --chown=node:node /app/storefront/.next/static ./storefront/.next/static
COPY --from=build --chown=node:node /app/storefront/public ./storefront/public
USER node
EXPOSE 3000
# dockerfilelint: Invalid Argument Format: its option parser splits --start-period at the dash; the
# flag is valid Docker syntax (dockerfile-utils accepts it).
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
    CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/api/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "storefront/server.js"]

# ---- app: default target, chosen by APP_TARGET (cms | storefront) ------------------------------
# dockerfilelint: Base Image Missing Tag: APP_TARGET names a stage of this file (cms or storefront).
FROM ${APP_TARGET} AS app
