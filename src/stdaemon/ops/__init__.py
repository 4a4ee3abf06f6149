"""Operations: the figures a process shows (Prometheus, the `stats` line, heartbeats, systemd STATUS=)."""
