"""Channels as users type them, in other languages and with odd text: messenger apps, German
hyphenated compounds, trademark signs and non-Latin names get the icon a reader expects, and
nothing a user can type breaks the recogniser."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from personadesigner.core.icons import GENERIC, channel_icon, icon_names


@pytest.mark.parametrize(
    ("words", "icon"),
    [
        ("E-Mail", "mail"),
        ("e-mail newsletters", "mail"),
        ("E-Mail-Newsletter", "mail"),
        ("LinkedIn®", "brand-linkedin"),
        ("LinkedIn-Gruppen", "brand-linkedin"),
        ("YouTube Shorts", "brand-youtube"),
        ("YouTube-Videos", "brand-youtube"),
        ("WhatsApp-Gruppen", "brand-whatsapp"),
        ("واتساب", "brand-whatsapp"),
        ("WeChat", "message"),
        ("微信", "message"),
        ("微信群", "message"),  # scripts without spaces: the app's name inside a compound
        ("微信公众号", "message"),
        ("กลุ่มไลน์", "message"),  # Thai: "LINE group"
        ("LINE", "message"),
        ("Telegram channels", "message"),
        ("Viber", "message"),
        ("Facebook Messenger", "brand-facebook"),  # the brand before the messenger word
        ("Xing", "users-group"),
        ("Phone line", "phone"),  # a phone line is a phone, not the LINE app
        ("Online forums", "messages"),  # not "line" inside "online"
        ("X-ray clinics", GENERIC),  # a one-letter brand never starts a compound
        ("Hotline", "phone"),
    ],
)
def test_channels_in_other_languages_and_odd_spellings(words, icon):
    assert channel_icon(words) == icon


@given(st.text(max_size=60))
def test_any_text_gets_a_bundled_icon(words):
    assert channel_icon(words) in icon_names()
