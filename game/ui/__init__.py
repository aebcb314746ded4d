"""Fonts, theme, text layout and widgets shared by every screen."""
