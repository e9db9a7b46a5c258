"""PersonaDesigner: design customer persona cards and print them."""

__version__ = "0.1.0"
APP_NAME = "PersonaDesigner"
APP_ID = "io.github.personadesigner.PersonaDesigner"
