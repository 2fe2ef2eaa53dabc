"""A partnership's plan in the Logical Framework Approach."""
