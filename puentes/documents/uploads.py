"""The size limit applied while an upload arrives, before it reaches memory or disk.

Django would otherwise write a file of any size to a temporary file before the view could
look at it. This handler goes first and counts each file's bytes; past the limit the rest
of that file is skipped (SkipFile), the other fields are still read, and the view tells the
person the file is too large.
"""

from django.core.files.uploadhandler import FileUploadHandler, SkipFile


class SizeLimitHandler(FileUploadHandler):
    def __init__(self, request=None, *, max_bytes: int):
        super().__init__(request)
        self.max_bytes = max_bytes
        self.too_large: set[str] = set()  # the fields whose file was over the limit

    def receive_data_chunk(self, raw_data, start):
        if start + len(raw_data) > self.max_bytes:
            self.too_large.add(self.field_name)
            raise SkipFile
        return raw_data

    def file_complete(self, file_size):
        return None  # the next handler (memory or temporary file) keeps the file
