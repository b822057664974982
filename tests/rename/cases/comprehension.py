# rename: item#3 row
def table(rows):
    item = "outer"
    return [item for item in rows] + [item]


def other(item):
    return {item: item for _ in range(3)}
