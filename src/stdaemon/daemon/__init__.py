"""The daemon's wiring beside the composition root: which services each role runs (`roles`), the supervisor
that carries them across server resets (`supervisor`), registering a new agent (`registration`) and the
token it keeps in the state directory (`agent_token`)."""
