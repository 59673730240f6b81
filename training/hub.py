"""Publishing a saved model folder to the Hugging Face hub."""

from __future__ import annotations

from pathlib import Path

from sorot.models.errors import SorotError


class HubError(SorotError, RuntimeError):
    """The upload failed; the message says why and how to retry."""


def push_folder(folder: str | Path, repo_id: str | None, private: bool = False,
                api=None) -> str:
    """Create ``repo_id`` (if needed) and upload ``folder``; return the repository URL."""
    if not repo_id:
        raise HubError("--push-to-hub needs --hub-model-id ORG/NAME")
    if api is None:
        from huggingface_hub import HfApi

        api = HfApi()
    try:
        url = api.create_repo(repo_id, private=private, exist_ok=True, repo_type="model")
        api.upload_folder(folder_path=str(folder), repo_id=repo_id, repo_type="model",
                          commit_message="Upload sorot model")
    except Exception as e:  # network, auth and hub errors all land here
        raise HubError(
            f"could not upload {folder} to the hub as {repo_id}: {type(e).__name__}: {e}. "
            "Are you online and logged in (`hf auth login` or HF_TOKEN)? The model is saved "
            f"locally; retry with `hf upload {repo_id} {folder}`.") from e
    return str(url)
