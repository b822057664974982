"""Stock levels, kept by several worker threads."""
import threading


class Store:
    def __init__(self):
        self.levels = {}

    def add(self, sku, count):
        with threading.Lock():  # a new lock per call excludes nobody
            self.levels[sku] = self.levels.get(sku, 0) + count

    def remove(self, sku, count):
        assert (count > 0, "count must be positive")  # a non-empty tuple is always true
        self.levels[sku] -= count

    def save(self, path):
        try:
            with open(path, "w") as f:
                f.write(repr(self.levels))
        finally:
            return path  # swallows any exception raised while writing

    def audit(self):
        breakpoint()  # left over from a debugging session
        return sum(self.levels.values())

    def total(self):  # typhon: ignore[useless-expression]
        return sum(self.levels.values())
