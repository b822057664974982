# rename: local#1 limit
# refuse: `limit` here refers to another binding
limit = 10


def clip(value):
    local = value * 2
    return min(local, limit)
