"""The classroom setup screen: the teacher chooses the lesson, its topics and the class's teams,
a page (or more) for each: game.scenes.classroom.setup.scene."""
from game.scenes.classroom.setup.scene import SetupScene

__all__ = ["SetupScene"]
