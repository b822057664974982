# rename: limit#2 capacity
limit = 10


class Box:
    limit = 3

    def size(self):
        limit = 7
        return limit + self.limit + Box.limit

    @classmethod
    def make(cls):
        return cls.limit


class Small(Box):
    def half(self):
        return self.limit // 2


print(Box.limit, limit)
