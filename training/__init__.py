"""Training recipe for the English stanza model bundled with quotes."""
