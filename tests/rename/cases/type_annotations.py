# rename: Node#1 Item
class Node:
    pass


def first(nodes: "list[Node]") -> Node:
    value: Node = nodes[0]
    return value
