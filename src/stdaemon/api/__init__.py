"""The API edge: the gateway (the only caller of the generated client) and the adapters."""
