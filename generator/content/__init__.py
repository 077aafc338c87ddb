"""Reading content/: YAML with positions, the schema, rules, validation and the frozen model."""
