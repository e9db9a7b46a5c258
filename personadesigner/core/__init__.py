"""The Qt-free core: persona model, lengths, fonts, templates, themes, layout engine."""
