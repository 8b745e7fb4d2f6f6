# One image for every service; the command picks which one runs
# (`service ingest|classify|notify`, `kafka-topics create`, `status`, or `up`).
FROM python:3.11-slim AS build
WORKDIR /src
COPY pyproject.toml README.md ./
COPY shared shared
COPY services services
COPY src src
RUN pip install --no-cache-dir build && python -m build --wheel --outdir /wheels

FROM python:3.11-slim
RUN useradd --create-home --uid 10001 wirewatch
COPY --from=build /wheels /wheels
RUN pip install --no-cache-dir /wheels/*.whl && rm -rf /wheels
USER wirewatch
WORKDIR /home/wirewatch
# In a container the HTTP server (API, /healthz, /readyz, /metrics) must listen beyond
# loopback; every service serves it on 8080.
ENV WIREWATCH_HTTP_HOST=0.0.0.0 \
    WIREWATCH_HTTP_PORT=8080 \
    WIREWATCH_LOG_JSON=true \
    WIREWATCH_DATA_DIR=/home/wirewatch/data
EXPOSE 8080
HEALTHCHECK --interval=10s --timeout=5s --start-period=30s --retries=6 \
    CMD ["python", "-c", "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8080/readyz', timeout=4)"]
ENTRYPOINT ["wirewatch"]
CMD ["up"]
