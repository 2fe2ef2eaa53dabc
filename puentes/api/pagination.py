from rest_framework.pagination import PageNumberPagination


class PagePagination(PageNumberPagination):
    """?page=2&page_size=50; never more than 100 records in one answer."""

    page_size = 20
    page_size_query_param = "page_size"
    max_page_size = 100
