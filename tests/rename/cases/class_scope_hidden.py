# rename: limit#1 LIMIT
limit = 10


class Box:
    limit = 3
    doubled = limit * 2

    def size(self):
        return limit + self.limit

    values = [limit for _ in range(2)]
