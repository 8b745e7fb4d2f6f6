"""`wirewatch demo`: the whole system, offline, with a local sample feed of real headlines
and a local webhook inbox, so a first alert shows in the terminal within seconds."""
