"""OAI-PMH 2.0: the protocol's requests, resumption tokens and responses (kg/web/oai.py serves
them at `{base}oai`)."""
