"""Procedural art for Safety Dash: the police-dog hero, scenery and pickups, drawn with pygame."""
