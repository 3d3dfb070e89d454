# BoloAstro web app and worker: one image, two commands (see deploy/compose.yaml).
#   docker build -t boloastro .
#   docker run --env-file deploy/boloastro.env -p 8000:8000 boloastro            # web
#   docker run --env-file deploy/boloastro.env boloastro boloastro worker         # worker
#   docker run --env-file deploy/boloastro.env boloastro boloastro migrate        # schema
# No secret is baked in: every setting comes from the environment at run time.

FROM python:3.11-slim AS build
ENV PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_NO_CACHE_DIR=1
WORKDIR /src
# Every dependency ships a manylinux wheel (pyswisseph, psycopg[binary], reportlab):
# no compiler is needed, and none ends up in the image.
COPY pyproject.toml README.md LICENSE wsgi.py ./
COPY backend ./backend
COPY bot_flows ./bot_flows
COPY infrastructure ./infrastructure
RUN python -m venv /opt/boloastro \
    && /opt/boloastro/bin/pip install --upgrade pip \
    && /opt/boloastro/bin/pip install .

FROM python:3.11-slim
ENV PATH=/opt/boloastro/bin:$PATH \
    PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    BOLOASTRO_ENV=production
RUN groupadd --system --gid 10001 boloastro \
    && useradd --system --uid 10001 --gid boloastro --home-dir /app --create-home boloastro
COPY --from=build /opt/boloastro /opt/boloastro
COPY --chown=boloastro:boloastro deploy/gunicorn.conf.py wsgi.py /app/
WORKDIR /app
USER boloastro:boloastro
EXPOSE 8000
# /healthz: the process answers (the slim image has no curl; Python does the GET).
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 \
    CMD ["python", "-c", "import sys, urllib.request; sys.exit(urllib.request.urlopen('http://127.0.0.1:8000/healthz', timeout=4).status != 200)"]
# Sizing: 2 gthread workers x 4 threads per container; scale out with more containers.
CMD ["boloastro", "serve", "--host", "0.0.0.0", "--port", "8000", "--workers", "2", "--threads", "4"]
