"""Publishing a saved model folder to the Hugging Face hub, with the TrainingArguments'
own hub options: ``hub_model_id``, ``hub_token``, ``hub_private_repo``, ``hub_revision``."""

from __future__ import annotations

from pathlib import Path

from sorot.models.errors import SorotError


class HubError(SorotError, RuntimeError):
    """The upload failed; the message says why and how to retry."""


def push_folder(folder: str | Path, targs, api=None) -> str:
    """Create the repository (if needed), the branch ``hub_revision`` (if given) and
    upload ``folder``; return the commit URL."""
    repo_id = targs.hub_model_id
    if not repo_id:
        raise HubError("--push-to-hub needs --hub-model-id ORG/NAME")
    if api is None:
        from huggingface_hub import HfApi

        api = HfApi(token=targs.hub_token)
    revision = getattr(targs, "hub_revision", None)
    try:
        api.create_repo(repo_id, private=targs.hub_private_repo, exist_ok=True, repo_type="model")
        if revision:
            api.create_branch(repo_id, branch=revision, exist_ok=True, repo_type="model")
        url = api.upload_folder(folder_path=str(folder), repo_id=repo_id, repo_type="model",
                                revision=revision, commit_message="Upload sorot model")
    except Exception as e:  # network, auth and hub errors all land here
        where = f" --revision {revision}" if revision else ""
        # `hf upload` creates a missing repo public unless told: keep the privacy asked for
        where += " --private" if targs.hub_private_repo else ""
        raise HubError(
            f"could not upload {folder} to the hub as {repo_id}: {type(e).__name__}: {e}. "
            "Are you online and logged in (`hf auth login` or HF_TOKEN)? The model is saved "
            f"locally; retry with `hf upload {repo_id} {folder}{where}`") from e
    return str(url)
