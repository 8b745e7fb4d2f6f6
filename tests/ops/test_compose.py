"""docker-compose.yml: valid for Compose, and its WIREWATCH_* variables are real settings.

``docker-compose config -q`` needs the Compose binary (Debian's docker-compose, installed
by .ci/setup-system.sh): skipped with a message without it, a failure in CI.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any, get_args

import pytest
import yaml
from pydantic_settings import BaseSettings
from wirewatch_classify.settings import ClassifySettings
from wirewatch_flights.settings import FlightsSettings
from wirewatch_ingest.settings import IngestSettings
from wirewatch_notify.settings import NotifySettings
from wirewatch_shared import streams
from wirewatch_shared.settings import CommonSettings
from wirewatch_stories.settings import StoriesSettings

from tests.support.browser import in_ci
from wirewatch.ops.instrument import ServiceKind
from wirewatch.ops.settings import OpsSettings

REPO = Path(__file__).resolve().parents[2]
COMPOSE = REPO / "docker-compose.yml"
CLUSTER_ENV = REPO / "deploy" / "kafka-cluster.env"
ALERTS = REPO / "deploy" / "prometheus" / "alerts.yml"

# The settings each container reads (the status page of notify reads OpsSettings too).
SETTINGS: dict[str, tuple[type[BaseSettings], ...]] = {
    "topics": (CommonSettings,),
    "migrate": (CommonSettings,),
    "ingest": (IngestSettings,),
    "classify": (ClassifySettings,),
    "stories": (StoriesSettings,),
    "flights": (FlightsSettings,),
    "notify": (NotifySettings, OpsSettings),
}
SERVICES = get_args(ServiceKind)
"""Every service of the pipeline (``wirewatch service NAME``)."""
INTERPOLATION = re.compile(r"\$\{(\w+)(?::?[-?]([^}]*))?\}")


def _compose_binary() -> str:
    binary = shutil.which("docker-compose")
    if binary is None:
        if in_ci():
            pytest.fail("docker-compose is missing in CI (.ci/setup-system.sh installs it)")
        pytest.skip("docker-compose is not installed (apt-get install docker-compose)")
    return binary


def _interpolated(value: Any, env: dict[str, str]) -> str:
    """Compose's ${VAR}, ${VAR:-default} and ${VAR:?error}, with ``env`` then defaults."""

    def one(match: re.Match[str]) -> str:
        name, default = match.group(1), match.group(2)
        if name in env:
            return env[name]
        if "?" in match.group(0):
            return f"test-{name.lower()}"
        return default or ""

    return INTERPOLATION.sub(one, str(value))


def _env_file(path: Path) -> dict[str, str]:
    pairs = {}
    for line in path.read_text().splitlines():
        if line.strip() and not line.startswith("#"):
            key, _, val = line.partition("=")
            pairs[key.strip()] = val.strip()
    return pairs


@pytest.fixture(scope="module")
def compose() -> dict[str, Any]:
    data = yaml.safe_load(COMPOSE.read_text())
    assert isinstance(data, dict)
    return data


@pytest.mark.parametrize(
    "extra",
    [[], ["--env-file", str(CLUSTER_ENV), "--profile", "kafka-cluster", "--profile", "monitoring"]],
    ids=["default", "kafka-cluster"],
)
def test_compose_config_is_valid(extra: list[str]) -> None:
    binary = _compose_binary()
    env = {**os.environ, "WIREWATCH_SECRET_KEY": "compose-check"}
    result = subprocess.run(
        [binary, "-f", str(COMPOSE), *extra, "config", "-q"],
        capture_output=True,
        text=True,
        env=env,
        cwd=REPO,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr


def _readme_compose_steps() -> list[str]:
    """The commands of the README's "With Docker Compose" block, up to `up` (not run)."""
    readme = (REPO / "README.md").read_text()
    section = readme.split("### With Docker Compose", 1)[1]
    block = section.split("```bash\n", 1)[1].split("```", 1)[0]
    steps = [line.split("  #", 1)[0].strip() for line in block.splitlines()]
    return [step for step in steps if step and not step.startswith("docker compose up")]


def test_fresh_clone_passes_compose_config_with_the_documented_steps(tmp_path: Path) -> None:
    """The README's steps on a fresh copy, with no WIREWATCH_SECRET_KEY in the environment:
    compose refuses first, naming the key; after the steps, `config` passes."""
    binary = _compose_binary()
    for name in ("docker-compose.yml", ".env.example", "Dockerfile"):
        shutil.copy(REPO / name, tmp_path / name)
    shutil.copytree(REPO / "deploy", tmp_path / "deploy")
    env = {k: v for k, v in os.environ.items() if not k.startswith("WIREWATCH_")}

    def run(command: str) -> subprocess.CompletedProcess[str]:
        command = command.replace("docker compose", binary, 1)
        return subprocess.run(
            ["bash", "-c", command], capture_output=True, text=True, env=env, cwd=tmp_path,
            timeout=60, check=False,
        )  # fmt: skip

    before = run("docker compose config -q")
    assert before.returncode != 0 and "WIREWATCH_SECRET_KEY" in before.stderr
    steps = _readme_compose_steps()
    assert steps[0] == "cp .env.example .env" and steps[-1] == "docker compose config -q"
    for step in steps:
        result = run(step)
        assert result.returncode == 0, f"{step}: {result.stderr}"
    key = _env_file(tmp_path / ".env")["WIREWATCH_SECRET_KEY"]
    assert len(key) == 64
    resolved = yaml.safe_load(run("docker compose config").stdout)
    assert resolved["services"]["notify"]["environment"]["WIREWATCH_SECRET_KEY"] == key


def test_env_example_covers_the_secret_key() -> None:
    example = (REPO / ".env.example").read_text()
    assert "WIREWATCH_SECRET_KEY" in example
    # `wirewatch up` started in the repository reads .env too: nothing active in the
    # example may change a local run (e.g. a Kafka bootstrap that only exists in compose).
    assert _env_file(REPO / ".env.example") == {}
    assert ".env" in (REPO / ".gitignore").read_text().splitlines()


def test_services_health_checks_and_scaling(compose: dict[str, Any]) -> None:
    services = compose["services"]
    # Every service has a container: without stories, story-mode subscriptions (the
    # default) get no alert; without flights, route subscriptions get none.
    assert {"kafka", "postgres", "mailpit", "topics", *SERVICES} <= set(services)
    assert services["kafka"]["image"].startswith("apache/kafka:")
    for broker in ("kafka-2", "kafka-3"):
        assert services[broker]["profiles"] == ["kafka-cluster"]
        assert services[broker]["image"] == services["kafka"]["image"]
    for name in SERVICES:
        service = services[name]
        assert service["command"] == ["service", name]
        probe = " ".join(service["healthcheck"]["test"])
        assert "/readyz" in probe and "8080" in probe, name
        assert "container_name" not in service, f"{name} could not be scaled"
        assert service["depends_on"]["topics"]["condition"] == "service_completed_successfully"
        assert service["depends_on"]["migrate"]["condition"] == "service_completed_successfully"
    # Scaled services publish no fixed host port (replicas would collide).
    assert "ports" not in services["classify"] and "ports" not in services["ingest"]
    assert services["topics"]["command"] == ["kafka-topics", "create"]
    assert services["migrate"]["command"] == ["db", "upgrade"]


@pytest.mark.parametrize("cluster", [False, True], ids=["default", "kafka-cluster"])
def test_wirewatch_variables_are_real_settings(
    compose: dict[str, Any], cluster: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    env = _env_file(CLUSTER_ENV) if cluster else {}
    for name, classes in SETTINGS.items():
        raw = compose["services"][name]["environment"]
        values = {k: _interpolated(v, env) for k, v in raw.items() if k.startswith("WIREWATCH_")}
        assert values, name
        fields = {f"WIREWATCH_{f.upper()}" for cls in classes for f in cls.model_fields}
        unknown = sorted(set(values) - fields)
        assert not unknown, f"{name}: not a setting: {unknown}"
        for key in [k for k in os.environ if k.startswith("WIREWATCH_")]:
            monkeypatch.delenv(key)
        for key, val in values.items():
            monkeypatch.setenv(key, val)
        for cls in classes:
            settings = cls(_env_file=None)  # type: ignore[call-arg]
            assert isinstance(settings, CommonSettings)
            assert settings.http_port == 8080 and settings.http_host == "0.0.0.0"
            assert settings.topic_replication == (3 if cluster else 1)
            assert settings.kafka_bootstrap and "kafka:9092" in settings.kafka_bootstrap
        if name == "notify":
            ops = OpsSettings(_env_file=None)  # type: ignore[call-arg]
            assert set(ops.status_probe_urls) == set(SERVICES) - {"notify"}
    for key in env:
        if key.startswith("WIREWATCH_"):
            assert key in {f"WIREWATCH_{f.upper()}" for f in CommonSettings.model_fields}, key


def test_cluster_profile_replicates_three_ways() -> None:
    env = _env_file(CLUSTER_ENV)
    assert env["KAFKA_REPLICATION_FACTOR"] == "3" and env["KAFKA_MIN_ISR"] == "2"
    assert env["KAFKA_QUORUM_VOTERS"].count("@") == 3
    assert len(env["WIREWATCH_KAFKA_BOOTSTRAP"].split(",")) == 3


def test_alert_rules_reference_known_metrics() -> None:
    """Every metric an alert rule uses is one Wirewatch (or FastStream) defines."""
    from wirewatch_shared.lag import LagCollector
    from wirewatch_shared.metrics import REGISTRY

    from wirewatch.ops.collectors import FeedHealthCollector, OutboxCollector

    known: set[str] = {"up"}
    kinds: list[type[FeedHealthCollector | OutboxCollector]] = [
        FeedHealthCollector,
        OutboxCollector,
    ]
    for kind in kinds:  # describe() reads no state: no engine needed
        known.update(m.name for m in kind.__new__(kind).describe())
    known.update(m.name for m in LagCollector().describe())
    known.update(m.name for m in REGISTRY.collect())
    known.update(f"faststream_{n}" for n in (
        "received_messages_total", "received_processed_messages_exceptions_total",
        "received_processed_messages_duration_seconds", "published_messages_total",
    ))  # fmt: skip
    rules = yaml.safe_load(ALERTS.read_text())["groups"][0]["rules"]
    assert len(rules) >= 6
    for rule in rules:
        for metric in re.findall(
            r"\b((?:wirewatch|faststream)_[a-z_]+|up)\b(?=[{\[\s)])", rule["expr"]
        ):
            base = re.sub(r"_(bucket|count|sum|total)$", "", metric)
            assert metric in known or base in known or f"{base}_total" in known, (
                rule["alert"],
                metric,
            )


def test_topics_and_groups_are_documented() -> None:
    doc = (REPO / "docs" / "operations.md").read_text()
    for name in (*streams.ALL_STREAMS, streams.GROUP_CLASSIFY, streams.GROUP_NOTIFY):
        assert name in doc, name


def test_dockerfile_environment_is_real_settings() -> None:
    dockerfile = (REPO / "Dockerfile").read_text()
    names = set(re.findall(r"\b(WIREWATCH_[A-Z_]+)=", dockerfile))
    assert {"WIREWATCH_HTTP_HOST", "WIREWATCH_HTTP_PORT"} <= names
    fields = {f"WIREWATCH_{f.upper()}" for f in OpsSettings.model_fields}
    assert names <= fields, names - fields
    assert "EXPOSE 8080" in dockerfile and "/readyz" in dockerfile
