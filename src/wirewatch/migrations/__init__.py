"""Alembic migrations of every service's tables (one history; see docs/architecture.md)."""
