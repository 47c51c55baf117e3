"""Stage 5, SPARQL: queries and updates within limits on query threads, and the Graph Store protocol."""
