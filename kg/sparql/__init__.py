"""kg's read-only SPARQL service, in layers each with its own test.

guard (only queries: update, LOAD and SERVICE refused) · protocol (SPARQL 1.1 Protocol requests,
result formats) · budget (per-client query time, 429) · pool + worker (killable worker processes
with a time limit and a memory ceiling) · results (row cap, truncation signalled) · service (the
layers in order) · description (Service Description) · examples (the example queries).
"""
