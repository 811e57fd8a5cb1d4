# Production image: build the TypeScript in one stage, run with production dependencies only as a non-root user.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json tsconfig.json tsconfig.build.json ./
RUN npm ci --ignore-scripts
COPY src ./src
RUN npx tsc -p tsconfig.build.json

FROM node:20-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts && npm cache clean --force
COPY --from=build /app/dist/src ./dist/src
COPY bin ./bin
COPY config.toml /etc/inceptor/config.toml
USER node
EXPOSE 4000 10080
ENTRYPOINT ["node", "bin/inceptor.js"]
CMD ["--config", "/etc/inceptor/config.toml"]
