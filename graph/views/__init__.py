"""Stage 6, the read side: what the API, pages and command line show, asked of any store by SPARQL."""
