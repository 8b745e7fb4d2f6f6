"""Settings: errors never echo secrets; the private-network switches are per service."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from pydantic import ValidationError
from wirewatch_ingest.settings import IngestSettings
from wirewatch_notify.settings import NotifySettings
from wirewatch_shared import settings as shared_settings

from tests.shared.settings_cli import run_bare
from wirewatch.config_table import render

SECRET = "RECOGNISABLE-secret-key-0123456789abcdef"
PASSWORD = "smtp-PASSWORD-9876543210-zyxw"


@pytest.mark.parametrize(
    ("variable", "bad"),
    [
        ("WIREWATCH_CLAIM_LEASE_S", "1"),  # a model-level check: its input is every value
        ("WIREWATCH_SMTP_PORT", "not-a-port"),
        ("WIREWATCH_SECRET_KEY_FILE", "x" * 3),  # valid; the next one fails
    ],
)
def test_a_settings_error_never_shows_secret_values(
    clean_env: pytest.MonkeyPatch, variable: str, bad: str
) -> None:
    clean_env.setenv("WIREWATCH_SECRET_KEY", SECRET)
    clean_env.setenv("WIREWATCH_SMTP_PASSWORD", PASSWORD)
    clean_env.setenv(variable, bad)
    clean_env.setenv("WIREWATCH_HTTP_PORT", "99999")
    with pytest.raises(ValidationError) as failed:
        NotifySettings()
    text = str(failed.value) + repr(failed.value)
    assert "http_port" in text  # the error names the variable...
    for fragment in (SECRET, SECRET[-12:], PASSWORD, PASSWORD[-12:]):
        assert fragment not in text  # ...and shows no value


def test_the_cli_prints_a_settings_error_without_the_secret(tmp_path: Path) -> None:
    done = run_bare(
        tmp_path,
        ["service", "notify"],
        WIREWATCH_KAFKA_BOOTSTRAP="127.0.0.1:9",
        WIREWATCH_SECRET_KEY=SECRET,
        WIREWATCH_CLAIM_LEASE_S="1",
    )
    output = done.stdout + done.stderr
    assert "claim_lease_s" in output, output
    assert SECRET not in output and SECRET[-10:] not in output


def test_each_service_has_its_own_private_network_switch(clean_env: pytest.MonkeyPatch) -> None:
    clean_env.setenv("WIREWATCH_INGEST_ALLOW_PRIVATE_NETWORKS", "true")
    assert IngestSettings().ingest_allow_private_networks is True
    assert NotifySettings().notify_allow_private_networks is False
    clean_env.delenv("WIREWATCH_INGEST_ALLOW_PRIVATE_NETWORKS")
    clean_env.setenv("WIREWATCH_NOTIFY_ALLOW_PRIVATE_NETWORKS", "true")
    assert IngestSettings().ingest_allow_private_networks is False
    assert NotifySettings().notify_allow_private_networks is True


def test_the_old_switch_is_a_deprecated_alias_of_both(
    clean_env: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
    capsys: pytest.CaptureFixture[str],
) -> None:
    shared_settings._warned.clear()
    caplog.set_level(logging.WARNING)
    clean_env.setenv("WIREWATCH_ALLOW_PRIVATE_NETWORKS", "true")
    assert IngestSettings().ingest_allow_private_networks is True
    assert NotifySettings().notify_allow_private_networks is True
    # A service's own switch wins over the alias.
    clean_env.setenv("WIREWATCH_NOTIFY_ALLOW_PRIVATE_NETWORKS", "false")
    assert NotifySettings().notify_allow_private_networks is False
    assert NotifySettings(allow_private_networks=True).notify_allow_private_networks is False
    captured = capsys.readouterr()
    logged = (caplog.text + captured.out + captured.err).splitlines()
    warnings = [line for line in logged if "deprecated setting" in line]
    assert len(warnings) == 2, warnings  # once per service, not per construction
    assert "WIREWATCH_INGEST_ALLOW_PRIVATE_NETWORKS" in " ".join(warnings)
    assert "WIREWATCH_NOTIFY_ALLOW_PRIVATE_NETWORKS" in " ".join(warnings)


def test_the_config_table_lists_every_service_reading_a_variable() -> None:
    rows = {line.split("`")[1]: line.split("|")[2].strip() for line in render().splitlines()[3:-1]}
    assert rows["WIREWATCH_ALLOW_PRIVATE_NETWORKS"] == "ingest, notify"
    assert rows["WIREWATCH_INGEST_ALLOW_PRIVATE_NETWORKS"] == "ingest"
    assert rows["WIREWATCH_NOTIFY_ALLOW_PRIVATE_NETWORKS"] == "notify"
    assert rows["WIREWATCH_KAFKA_BOOTSTRAP"] == "all services"
