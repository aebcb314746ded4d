"""Classroom mode: a teacher runs a lesson for the whole class on one projected screen."""
