# rename: best#1 top
def pick(values):
    best = None
    key = lambda v: (v, best)
    if (n := len(values)) and any((best := v) for v in values):
        return best, n, key
    return [best for _ in range(n)]
