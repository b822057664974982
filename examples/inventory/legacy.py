"""An old report module that was never ported to Python 3."""
import sys


def report(store):
    for sku, level in sorted(store.levels.items()):
        print "%-10s %5d" % (sku, level)
    return len(store.levels)
