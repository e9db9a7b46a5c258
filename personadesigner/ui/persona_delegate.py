"""How one persona row of the library sidebar is drawn: avatar, name, type badge, role.

The name has the first line to itself, at the row's full width; the type
badge starts the second line, before the role. (The badge used to share the
name's line and, in a narrow sidebar, left it three letters: "Grac…".)
``row_layout`` computes every rectangle and elided text once, so painting and
the tests use the same geometry. Sizes derive from the font, so the rows look
right at any display scale.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPainterPath, QPalette
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from personadesigner.core.persona import TYPE_LABELS, initials
from personadesigner.errors import UserError
from personadesigner.ui import stale_badge
from personadesigner.ui.library_model import StaleRole, SummaryRole, ThumbnailRole

_FALLBACK_TYPE_COLORS = {
    "customer": "#2f6fb0",
    "buyer": "#2e7d5b",
    "end_user": "#7a4fb0",
    "decision_maker": "#b0632f",
    "influencer": "#b03f73",
    "negative": "#8a2222",
}
#: The badge never takes more than this share of the second line; its label is elided beyond.
BADGE_MAX_SHARE = 0.6


def type_colors() -> dict[str, str]:
    """The persona type accents of the default theme, so the sidebar matches the cards."""
    try:
        from personadesigner.core.themes import load_theme

        return dict(load_theme("classic").type_colors)
    except (UserError, OSError):  # the theme file is missing or unreadable: sensible defaults
        return dict(_FALLBACK_TYPE_COLORS)


@dataclass(frozen=True)
class RowLayout:
    """Where each part of a row goes and the (elided) text it shows."""

    avatar: QRectF
    name_rect: QRectF
    name_text: str
    badge_rect: QRectF
    badge_text: str
    role_rect: QRectF
    role_text: str


class PersonaDelegate(QStyledItemDelegate):
    """Paints a row: avatar, bold name on its own line, type badge and muted role below."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.colors = type_colors()

    def _metrics(self, option: QStyleOptionViewItem) -> tuple[QFont, QFont, int, int]:
        bold = QFont(option.font)
        bold.setBold(True)
        small = QFont(option.font)
        small.setPointSizeF(max(option.font.pointSizeF() * 0.85, 6.0))
        line = QFontMetrics(option.font).height()
        pad = max(line // 3, 3)
        return bold, small, line, pad

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:  # noqa: N802
        _bold, _small, line, pad = self._metrics(option)
        # Narrow on purpose: list rows stretch to the view's width anyway.
        return QSize(line * 6, line * 2 + pad * 3)

    def row_layout(self, option: QStyleOptionViewItem, name: str, type_: str, role: str) -> RowLayout:
        """The geometry of a row of ``option.rect`` for this persona."""
        bold, small, line, pad = self._metrics(option)
        r = QRectF(option.rect)
        side = r.height() - 2 * pad
        avatar = QRectF(r.left() + pad, r.top() + pad, side, side)
        x = avatar.right() + pad * 2
        right = r.right() - pad
        width = max(right - x, 0.0)

        name_rect = QRectF(x, r.top() + pad, width, line)
        name_text = QFontMetrics(bold).elidedText(name, Qt.TextElideMode.ElideRight, int(width))

        sfm = QFontMetrics(small)
        second = r.top() + pad + line
        label = TYPE_LABELS.get(type_, type_)
        badge_text = sfm.elidedText(label, Qt.TextElideMode.ElideRight, int(max(width * BADGE_MAX_SHARE - pad * 2, 0)))
        badge_w = min(sfm.horizontalAdvance(badge_text) + pad * 2, width)
        badge_rect = QRectF(x, second + (line - sfm.height()) / 2 - 1, badge_w, sfm.height() + 2)
        role_x = badge_rect.right() + pad
        role_rect = QRectF(role_x, second, max(right - role_x, 0.0), line)
        role_text = QFontMetrics(option.font).elidedText(role, Qt.TextElideMode.ElideRight, int(role_rect.width()))
        return RowLayout(avatar, name_rect, name_text, badge_rect, badge_text, role_rect, role_text)

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        s = index.data(SummaryRole)
        if s is None:
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        style = opt.widget.style() if opt.widget else None
        painter.save()
        if style:
            style.drawPrimitive(QStyle.PrimitiveElement.PE_PanelItemViewItem, opt, painter, opt.widget)
        bold, small, _line, _pad = self._metrics(option)
        row = self.row_layout(option, s.name, s.type, s.role)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        text_color = option.palette.color(QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text)
        muted = QColor(text_color)
        muted.setAlphaF(0.65)
        accent = QColor(self.colors.get(s.type, "#666666"))

        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        clip = QPainterPath()
        clip.addEllipse(row.avatar)
        thumb = index.data(ThumbnailRole)
        if thumb is not None:
            painter.save()
            painter.setClipPath(clip)
            painter.drawPixmap(row.avatar.toRect(), thumb)
            painter.restore()
        else:
            painter.fillPath(clip, accent)
            painter.setPen(QColor("white"))
            painter.setFont(bold)
            painter.drawText(row.avatar, Qt.AlignmentFlag.AlignCenter, initials(s.name))

        name_text = row.name_text
        if index.data(StaleRole):
            stale = stale_badge.badge_rect(row.name_rect, small, _pad)
            stale_badge.paint_badge(painter, stale, small)
            room = int(max(row.name_rect.width() - stale.width() - _pad, 0))
            name_text = QFontMetrics(bold).elidedText(s.name, Qt.TextElideMode.ElideRight, room)
        painter.setFont(bold)
        painter.setPen(text_color)
        painter.drawText(row.name_rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, name_text)

        if row.badge_text:
            badge = row.badge_rect
            painter.setPen(Qt.PenStyle.NoPen)
            fill = QColor(accent)
            fill.setAlphaF(0.9 if selected else 0.15)
            painter.setBrush(fill)
            painter.drawRoundedRect(badge, badge.height() / 2, badge.height() / 2)
            painter.setFont(small)
            painter.setPen(QColor("white") if selected else accent)
            painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, row.badge_text)

        painter.setFont(option.font)
        painter.setPen(muted)
        painter.drawText(row.role_rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, row.role_text)
        painter.restore()
