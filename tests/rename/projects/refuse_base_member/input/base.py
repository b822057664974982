class Base:
    def execute(self):
        return "base"
