"""One module per screen. Each turns state into pixels and input into actions."""
