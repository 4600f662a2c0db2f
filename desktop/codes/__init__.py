"""The codebook panel: the code tree model, its undoable commands and the dock that shows them."""
