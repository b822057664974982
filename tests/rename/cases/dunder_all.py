# rename: build#2 make_widget
__all__ = ["build", "Widget"]


def build():
    return Widget()


class Widget:
    pass


__all__ += ["build"]
