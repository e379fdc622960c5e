"""HTTP API: SPARQL 1.1 Protocol endpoint, REST routes, Graph Store Protocol."""
