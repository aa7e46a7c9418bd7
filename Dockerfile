# Fleetgate: built in one stage, run from compiled JavaScript in another, with production
# dependencies only, as the unprivileged `node` user.
#   docker build -t fleetgate .
#   docker run -p 4000:4000 -v $PWD/fleetgate.yaml:/etc/fleetgate/fleetgate.yaml:ro fleetgate
# `docker compose up` runs it with the simulators and Redis (compose.yaml).
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
RUN npm run build

FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production PORT=4000
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
COPY --from=build /app/dist ./dist
USER node
EXPOSE 4000
# Liveness only: /readyz answers for the sources, and one vendor down must not restart us.
HEALTHCHECK --interval=10s --timeout=3s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+process.env.PORT+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# node is PID 1 here and handles SIGTERM itself: requests in flight drain (SHUTDOWN_GRACE_MS).
STOPSIGNAL SIGTERM
# A young generation of 32 MiB semi-spaces: a page of a hundred clusters is built and
# dropped per request, and the default size had garbage collection at a sixth of the CPU.
CMD ["node", "--max-semi-space-size=32", "--enable-source-maps", "dist/main.js", "--config", "/etc/fleetgate/fleetgate.yaml"]
