"""Operations: health and metrics wiring, the status CLI and pages, durable mode.

Part of the composition root, so it may read every service's tables.
"""
