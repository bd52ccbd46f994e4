"""JCM methodology templates and the exact calculation engine (no Qt). Public API: see below."""
